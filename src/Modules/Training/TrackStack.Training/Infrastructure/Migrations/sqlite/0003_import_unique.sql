-- Training module: an imported workout is stored once per member, start and name, also when two imports of the
-- same file run at the same time (the import answers the loser's workouts as duplicates). Workouts logged in the
-- app are left out: they are identified by their client id, and a member may log two with one name at one time.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
-- Twins an earlier race already stored are removed first (the later id goes, with its sets), or the index could not be built.
DELETE FROM "sets" WHERE "workout_id" IN (
    SELECT w."id" FROM "workouts" w WHERE w."source" <> 'app' AND EXISTS (
        SELECT 1 FROM "workouts" o WHERE o."source" <> 'app' AND o."household_id" = w."household_id" AND o."user_id" = w."user_id"
            AND o."started_at" = w."started_at" AND o."name" = w."name" AND o."id" < w."id"));

DELETE FROM "workouts" WHERE "source" <> 'app' AND EXISTS (
    SELECT 1 FROM "workouts" o WHERE o."source" <> 'app' AND o."household_id" = "workouts"."household_id" AND o."user_id" = "workouts"."user_id"
        AND o."started_at" = "workouts"."started_at" AND o."name" = "workouts"."name" AND o."id" < "workouts"."id");

CREATE UNIQUE INDEX "ix_workouts_household_id_user_id_started_at_name" ON "workouts" ("household_id", "user_id", "started_at", "name") WHERE source <> 'app';
