# An API Gateway HTTP API whose only route ($default) goes through a VPC link into the VPC: to a Cloud Map service
# (pragmatic: the one task, found by its SRV record, no load balancer) or to an internal ALB listener (enterprise).
# HTTP APIs charge per request and nothing for the VPC link, which makes them the cheapest stable, TLS-terminated
# address in front of a Fargate task.

resource "aws_security_group" "vpc_link" {
  name_prefix = "${var.name}-vpclink-"
  description = "API Gateway's VPC link: out to the TrackStack entry point only"
  vpc_id      = var.vpc_id

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "to_target" {
  security_group_id = aws_security_group.vpc_link.id
  cidr_ipv4         = var.vpc_cidr
  ip_protocol       = "tcp"
  from_port         = var.target_port
  to_port           = var.target_port
  description       = "HTTP to the TrackStack entry point"
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = var.name
  subnet_ids         = var.subnet_ids
  security_group_ids = [aws_security_group.vpc_link.id]
}

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  protocol_type = "HTTP"
  description   = "TrackStack ${var.name}: every request to the host or the gateway"
  # Only CloudFront should call it; the execute-api address stays reachable but carries nothing CloudFront does not.
  disable_execute_api_endpoint = false
}

resource "aws_apigatewayv2_integration" "this" {
  api_id             = aws_apigatewayv2_api.this.id
  integration_type   = "HTTP_PROXY"
  integration_method = "ANY"
  integration_uri    = var.integration_uri
  connection_type    = "VPC_LINK"
  connection_id      = aws_apigatewayv2_vpc_link.this.id
  # 30 s is the most API Gateway waits; TrackStack's slowest answers (imports, reports) stay well below it.
  timeout_milliseconds   = 30000
  payload_format_version = "1.0"
}

resource "aws_apigatewayv2_route" "default" {
  api_id    = aws_apigatewayv2_api.this.id
  route_key = "$default"
  target    = "integrations/${aws_apigatewayv2_integration.this.id}"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/trackstack/${var.name}/api-gateway"
  retention_in_days = var.log_retention_days
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.throttling_burst_limit
    throttling_rate_limit  = var.throttling_rate_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      time      = "$context.requestTime"
      method    = "$context.httpMethod"
      path      = "$context.path"
      status    = "$context.status"
      latencyMs = "$context.responseLatency"
      error     = "$context.integrationErrorMessage"
    })
  }
}
