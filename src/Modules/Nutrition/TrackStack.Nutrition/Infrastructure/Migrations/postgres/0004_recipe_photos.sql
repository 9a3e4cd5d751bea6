-- A recipe's photo: the file lives in the data dir; the row keeps its content hash (file name, ETag) and pixel size.
ALTER TABLE nutrition.recipes ADD COLUMN photo_version character varying(32) NULL;
ALTER TABLE nutrition.recipes ADD COLUMN photo_width integer NULL;
ALTER TABLE nutrition.recipes ADD COLUMN photo_height integer NULL;
