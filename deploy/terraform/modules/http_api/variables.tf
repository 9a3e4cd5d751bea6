variable "name" {
  description = "Name of the API, VPC link and security group."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the VPC link."
  type        = string
}

variable "vpc_cidr" {
  description = "The VPC's range (the VPC link may send to it on target_port only)."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the VPC link's network interfaces (two zones)."
  type        = list(string)
}

variable "integration_uri" {
  description = "A Cloud Map service ARN (pragmatic) or an ALB listener ARN (enterprise)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws:(servicediscovery|elasticloadbalancing):", var.integration_uri))
    error_message = "integration_uri must be a Cloud Map service ARN or an ALB listener ARN."
  }
}

variable "target_port" {
  description = "Port the VPC link sends to (the task's, or the ALB listener's)."
  type        = number
}

variable "throttling_rate_limit" {
  description = "Steady requests per second the API accepts before 429 (a ceiling on the bill, not a per-client limit)."
  type        = number
  default     = 50
}

variable "throttling_burst_limit" {
  description = "Requests the API accepts in a burst."
  type        = number
  default     = 100
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the access log."
  type        = number
  default     = 14
}
