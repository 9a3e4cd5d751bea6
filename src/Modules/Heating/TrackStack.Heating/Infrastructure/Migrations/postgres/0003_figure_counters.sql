-- The household's counter of day-figure events (HeatingDaysChanged.Version, for the Metrics built-in series).
CREATE TABLE heating.figure_counters (
    household_id uuid NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_figure_counters PRIMARY KEY (household_id)
);
