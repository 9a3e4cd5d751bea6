-- Platform: what this module knows of each household's context (time zone, currency, locale), fed by the
-- Households events, for work that runs without a request (background jobs).
CREATE TABLE IF NOT EXISTS "{schema}".household_contexts (
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    time_zone character varying(64) NOT NULL,
    currency character varying(3) NOT NULL,
    locale character varying(20) NOT NULL,
    version bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_household_contexts PRIMARY KEY (household_id)
);
