# The way in: CloudFront (web app from S3, API paths) -> API Gateway HTTP API -> VPC link -> internal ALB -> gateway.

resource "aws_lb" "internal" {
  name_prefix                = "ts-"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = module.network.private_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  idle_timeout               = 60
  drop_invalid_header_fields = true

  tags = { Name = "${local.name}-internal" }
}

resource "aws_lb_target_group" "gateway" {
  name_prefix          = "tsgw-"
  port                 = local.port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = module.network.vpc_id
  deregistration_delay = 15

  health_check {
    # The gateway itself; /health/ready would take it out of the ALB whenever one service is down, although the
    # gateway answers for that service with its own 503.
    path                = "/health/live"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.internal.arn
  port              = 80
  protocol          = "HTTP" # inside the VPC only; TLS ends at CloudFront and API Gateway

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.gateway.arn
  }
}

module "http_api" {
  source = "../modules/http_api"

  name            = local.name
  vpc_id          = module.network.vpc_id
  vpc_cidr        = module.network.cidr_block
  subnet_ids      = module.network.private_subnet_ids
  integration_uri = aws_lb_listener.http.arn
  target_port     = 80
}

module "web" {
  source = "../modules/web"

  name              = local.name
  bucket_prefix     = "${local.name}-web-"
  api_origin_domain = module.http_api.endpoint_domain
  web_dist_dir      = var.web_dist_dir
  domain_name       = var.domain_name
  certificate_arn   = var.certificate_arn
}
