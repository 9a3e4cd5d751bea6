variable "name" {
  description = "Name prefix of the CloudFront function and policies."
  type        = string
}

variable "bucket_prefix" {
  description = "Start of the web bucket's name."
  type        = string
}

variable "api_origin_domain" {
  description = "Host name the API paths (/api/*, /openapi/*, /health/*, /write) are sent to (API Gateway's execute-api domain), or null for a static site."
  type        = string
  default     = null
}

variable "web_dist_dir" {
  description = "Folder of the built web app (web/shell/dist) to upload with Terraform, or null to upload it yourself (aws s3 sync)."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Your own host name for the app (needs certificate_arn), or null for the *.cloudfront.net name."
  type        = string
  default     = null
}

variable "certificate_arn" {
  description = "ACM certificate in us-east-1 for domain_name, or null."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws:acm:us-east-1:", var.certificate_arn))
    error_message = "CloudFront only takes ACM certificates from us-east-1."
  }
}

variable "price_class" {
  description = "CloudFront edge locations: PriceClass_100 (North America, Europe: cheapest), _200 or _All."
  type        = string
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}
