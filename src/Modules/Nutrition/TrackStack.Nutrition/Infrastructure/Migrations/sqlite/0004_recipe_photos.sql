-- A recipe's photo: the file lives in the data dir; the row keeps its content hash (file name, ETag) and pixel size.
ALTER TABLE "recipes" ADD COLUMN "photo_version" TEXT NULL;
ALTER TABLE "recipes" ADD COLUMN "photo_width" INTEGER NULL;
ALTER TABLE "recipes" ADD COLUMN "photo_height" INTEGER NULL;
