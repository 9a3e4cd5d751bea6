variable "bucket_prefix" {
  description = "Start of the bucket's name (AWS appends a unique suffix)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{2,36}$", var.bucket_prefix))
    error_message = "bucket_prefix must be 3-37 lowercase letters, digits or dashes."
  }
}

variable "writer_prefixes" {
  description = "Writers of backups: key => the prefix (no slashes at either end) that writer may list, write and prune."
  type        = map(string)

  validation {
    condition     = alltrue([for p in values(var.writer_prefixes) : !startswith(p, "/") && !endswith(p, "/") && p != ""])
    error_message = "Prefixes are written without leading or trailing slashes, e.g. \"pragmatic\"."
  }
}

variable "expire_after_days" {
  description = "Archives older than this are deleted by S3 whatever TrackStack's retention says (12 monthly backups need > 366)."
  type        = number
  default     = 400

  validation {
    condition     = var.expire_after_days >= 30
    error_message = "expire_after_days below 30 would delete the weekly backups TrackStack keeps."
  }
}

variable "infrequent_access_after_days" {
  description = "Move archives to S3 Standard-IA after this many days (null: stay in Standard; IA bills at least 128 KB and 30 days)."
  type        = number
  default     = null
}

variable "noncurrent_days" {
  description = "Days an overwritten or deleted archive stays recoverable (versioning)."
  type        = number
  default     = 14
}

variable "force_destroy" {
  description = "Let `terraform destroy` delete the bucket with its backups in it. Leave false unless you mean it."
  type        = bool
  default     = false
}
