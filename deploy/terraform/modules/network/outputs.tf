output "vpc_id" {
  description = "The VPC."
  value       = aws_vpc.this.id
}

output "cidr_block" {
  description = "The VPC's IPv4 range (trusted as the proxies' range by the services)."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "One public subnet per zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "One private subnet per zone (empty without private_subnets)."
  value       = aws_subnet.private[*].id
}

output "availability_zones" {
  description = "The zones used."
  value       = local.azs
}
