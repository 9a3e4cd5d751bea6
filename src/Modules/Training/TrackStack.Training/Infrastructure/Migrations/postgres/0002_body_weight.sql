-- Training module: the body weight log (postgres).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE training.body_weights (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    date date NOT NULL,
    weight_kg double precision NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_body_weights PRIMARY KEY (id)
);

CREATE INDEX ix_body_weights_household_id_user_id_date ON training.body_weights (household_id, user_id, date);
