-- Training module, initial schema (sqlite). Generated from the EF model with 'TrackStack.Host dev schema --module training --provider sqlite'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE "exercises" (
    "id" TEXT NOT NULL CONSTRAINT "pk_exercises" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "equipment" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "primary_muscles" TEXT NOT NULL,
    "secondary_muscles" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "member_settings" (
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "share_log" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "pk_member_settings" PRIMARY KEY ("household_id", "user_id")
);

CREATE TABLE "routines" (
    "id" TEXT NOT NULL CONSTRAINT "pk_routines" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "days" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "workouts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_workouts" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "notes" TEXT NULL,
    "started_at" TEXT NOT NULL,
    "ended_at" TEXT NULL,
    "routine_id" TEXT NULL,
    "routine_day" INTEGER NULL,
    "source" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "sets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_sets" PRIMARY KEY,
    "household_id" TEXT NOT NULL,
    "workout_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "exercise_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "weight_kg" REAL NULL,
    "reps" INTEGER NULL,
    "rpe" REAL NULL,
    "duration_seconds" INTEGER NULL,
    "distance_m" REAL NULL,
    "notes" TEXT NULL,
    CONSTRAINT "fk_sets_workouts_workout_id" FOREIGN KEY ("workout_id") REFERENCES "workouts" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_exercises_household_id_name_key" ON "exercises" ("household_id", "name_key");

CREATE INDEX "ix_sets_household_id_user_id_exercise_id_started_at" ON "sets" ("household_id", "user_id", "exercise_id", "started_at");

CREATE INDEX "ix_sets_workout_id" ON "sets" ("workout_id");

CREATE INDEX "ix_workouts_household_id_user_id_started_at" ON "workouts" ("household_id", "user_id", "started_at");
