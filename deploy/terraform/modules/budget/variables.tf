variable "name" {
  description = "The budget's name."
  type        = string
}

variable "limit_usd" {
  description = "Monthly limit in US dollars."
  type        = number

  validation {
    condition     = var.limit_usd > 0
    error_message = "limit_usd must be above 0."
  }
}

variable "emails" {
  description = "Who is told (e-mail addresses)."
  type        = list(string)

  validation {
    condition     = length(var.emails) > 0 && alltrue([for e in var.emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", e))])
    error_message = "Give at least one e-mail address."
  }
}

variable "project" {
  description = "Value of the project tag the budget filters on."
  type        = string
}

variable "filter_by_tag" {
  description = "Count only resources tagged project=<project> (needs the tag activated as a cost allocation tag); false counts the whole account."
  type        = bool
  default     = false
}
