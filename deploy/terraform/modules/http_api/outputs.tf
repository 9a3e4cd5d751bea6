output "api_id" {
  description = "The HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "endpoint_domain" {
  description = "The API's execute-api host name (CloudFront's origin)."
  value       = replace(aws_apigatewayv2_api.this.api_endpoint, "https://", "")
}

output "vpc_link_security_group_id" {
  description = "The VPC link's security group (allow it into the target)."
  value       = aws_security_group.vpc_link.id
}
