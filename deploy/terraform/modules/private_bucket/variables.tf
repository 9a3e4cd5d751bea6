variable "bucket_prefix" {
  description = "Prefix of the bucket's generated name."
  type        = string
}

variable "force_destroy" {
  description = "Whether terraform destroy may delete the bucket with its objects."
  type        = bool
  default     = false
}

variable "policy_documents" {
  description = "IAM policy documents (JSON) with the caller's own statements, merged into the bucket policy next to the TLS-only deny."
  type        = list(string)
  default     = []
}
