-- Training module, initial schema (postgres). Generated from the EF model with 'TrackStack.Host dev schema --module training --provider postgres'.
-- Never edit after release: add a new NNNN_name.sql instead (the migrator checks checksums).
CREATE TABLE training.exercises (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    name_key character varying(100) NOT NULL,
    equipment character varying(50) NOT NULL,
    type character varying(20) NOT NULL,
    primary_muscles character varying(200) NOT NULL,
    secondary_muscles character varying(200) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_exercises PRIMARY KEY (id)
);

CREATE TABLE training.member_settings (
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    unit character varying(5) NOT NULL,
    formula character varying(10) NOT NULL,
    share_log boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_member_settings PRIMARY KEY (household_id, user_id)
);

CREATE TABLE training.routines (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    days character varying(20000) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_routines PRIMARY KEY (id)
);

CREATE TABLE training.workouts (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    user_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    notes character varying(4000),
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    routine_id uuid,
    routine_day integer,
    source character varying(10) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint NOT NULL,
    CONSTRAINT pk_workouts PRIMARY KEY (id)
);

CREATE TABLE training.sets (
    id uuid NOT NULL,
    household_id uuid NOT NULL,
    workout_id uuid NOT NULL,
    user_id uuid NOT NULL,
    started_at timestamp with time zone NOT NULL,
    exercise_id uuid NOT NULL,
    position integer NOT NULL,
    kind character varying(10) NOT NULL,
    weight_kg double precision,
    reps integer,
    rpe double precision,
    duration_seconds integer,
    distance_m double precision,
    notes character varying(1000),
    CONSTRAINT pk_sets PRIMARY KEY (id),
    CONSTRAINT fk_sets_workouts_workout_id FOREIGN KEY (workout_id) REFERENCES training.workouts (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_exercises_household_id_name_key ON training.exercises (household_id, name_key);

CREATE INDEX ix_sets_household_id_user_id_exercise_id_started_at ON training.sets (household_id, user_id, exercise_id, started_at);

CREATE INDEX ix_sets_workout_id ON training.sets (workout_id);

CREATE INDEX ix_workouts_household_id_user_id_started_at ON training.workouts (household_id, user_id, started_at);
