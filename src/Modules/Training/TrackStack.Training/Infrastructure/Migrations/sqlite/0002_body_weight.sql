-- Training module: the body weight log (sqlite).
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "body_weights" (
    "id" TEXT NOT NULL CONSTRAINT "pk_body_weights" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "weight_kg" REAL NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE INDEX "ix_body_weights_household_id_user_id_date" ON "body_weights" ("household_id", "user_id", "date");
