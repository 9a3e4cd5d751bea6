# The bucket TrackStack's own backups (`trackstack-<UTC time>.tar.gz`) are written to: private, encrypted, TLS only,
# versioned so a deleted or overwritten archive can be got back for a while, and with lifecycle rules under the
# application's grandfather-father-son retention (which deletes old archives itself) as a backstop.

module "bucket" {
  source        = "../private_bucket"
  bucket_prefix = var.bucket_prefix
  force_destroy = var.force_destroy
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = module.bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = module.bucket.id

  rule {
    id     = "archives"
    status = "Enabled"
    filter {
      prefix = ""
    }

    # TrackStack keeps 7 daily, 4 weekly and 12 monthly archives and deletes the rest; anything older than
    # expire_after_days (an installation that stopped pruning) goes anyway.
    expiration {
      days = var.expire_after_days
    }

    dynamic "transition" {
      for_each = var.infrequent_access_after_days == null ? [] : [var.infrequent_access_after_days]
      content {
        days          = transition.value
        storage_class = "STANDARD_IA"
      }
    }

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_days
    }

    # A backup cut short mid-upload (a Spot interruption) leaves parts that are billed until aborted.
    abort_incomplete_multipart_upload {
      days_after_initiation = 2
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

# What a writer of backups needs, and nothing more: list its prefix, read, write and delete archives below it
# (retention deletes), and multipart uploads for archives beyond 64 MiB.
data "aws_iam_policy_document" "writer" {
  for_each = var.writer_prefixes

  statement {
    sid       = "ListThePrefix"
    actions   = ["s3:ListBucket"]
    resources = [module.bucket.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${each.value}", "${each.value}/*"]
    }
  }

  statement {
    sid = "ArchivesBelowThePrefix"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${module.bucket.arn}/${each.value}/*"]
  }
}
