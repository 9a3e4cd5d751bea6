variable "name" {
  description = "Name prefix of every resource (and their Name tags)."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's IPv4 range; subnets are /20 slices of a /16 (public first, private from the ninth)."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "cidr_block must be an IPv4 CIDR of /16 or larger."
  }
}

variable "az_count" {
  description = "How many Availability Zones get subnets (2 or 3)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3 (ALB, RDS subnet groups and EFS want at least two zones)."
  }
}

variable "private_subnets" {
  description = "Create a private subnet in every zone (enterprise). The pragmatic deployment uses public subnets only."
  type        = bool
  default     = false
}

variable "nat_gateway" {
  description = "Give the private subnets a way out through NAT (images from ghcr.io, SMTP, weather, webhooks)."
  type        = bool
  default     = true
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone (survives a zone outage; costs one gateway-hour per zone) instead of one."
  type        = bool
  default     = false
}
