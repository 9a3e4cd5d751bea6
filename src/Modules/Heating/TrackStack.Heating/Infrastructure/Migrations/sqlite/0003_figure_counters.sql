-- The household's counter of day-figure events (HeatingDaysChanged.Version, for the Metrics built-in series).
CREATE TABLE "figure_counters" (
    "household_id" TEXT NOT NULL CONSTRAINT "pk_figure_counters" PRIMARY KEY,
    "version" INTEGER NOT NULL
);
