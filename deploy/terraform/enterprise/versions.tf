terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.6, < 4.0"
    }
  }

  # Keep the state somewhere safer than this folder; it holds the generated passwords and signing key. For example:
  # backend "s3" {
  #   bucket       = "my-terraform-state"
  #   key          = "trackstack/enterprise.tfstate"
  #   region       = "eu-central-1"
  #   use_lockfile = true
  #   encrypt      = true
  # }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      project     = var.project
      environment = var.environment
      managed-by  = "terraform"
      topology    = "enterprise"
    }
  }
}
