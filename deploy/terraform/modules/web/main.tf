# The web app (web/shell/dist) in a private S3 bucket behind CloudFront, which reads it through Origin Access
# Control; the API paths go to api_origin_domain (API Gateway) on the same CloudFront host, so the browser sees one
# origin, exactly as when the host or the gateway serves both (cookies, CSP 'self').

module "bucket" {
  source        = "../private_bucket"
  bucket_prefix = var.bucket_prefix
  force_destroy = true # the bucket only holds a build of web/, which can be uploaded again
  # CloudFront, and only this distribution, may read the bucket.
  policy_documents = [data.aws_iam_policy_document.web.json]
}

resource "aws_cloudfront_origin_access_control" "web" {
  name                              = module.bucket.id
  description                       = "CloudFront reads the TrackStack web app"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

# The host answers /sign-in and /sign-in/ with /sign-in/index.html; S3 has no such rule, so a viewer-request
# function adds it (CloudFront Functions: 2 million calls a month free).
resource "aws_cloudfront_function" "index" {
  name    = "${var.name}-index"
  runtime = "cloudfront-js-2.0"
  comment = "A folder's path serves its index.html, as the TrackStack host does"
  publish = true
  code    = <<-JS
    function handler(event) {
      var request = event.request;
      var uri = request.uri;
      if (uri.endsWith('/')) {
        request.uri = uri + 'index.html';
      } else if (uri.split('/').pop().indexOf('.') === -1) {
        request.uri = uri + '/index.html';
      }
      return request;
    }
  JS
}

data "aws_cloudfront_cache_policy" "optimized" {
  name = "Managed-CachingOptimized"
}

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

# Everything the viewer sent (cookies, query, Authorization, X-CSRF, correlation ids) except Host, which must name
# API Gateway's own domain for it to accept the request.
data "aws_cloudfront_origin_request_policy" "all_but_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

# The static files get the headers the host would add (SecurityHeadersMiddleware); API answers carry their own.
resource "aws_cloudfront_response_headers_policy" "web" {
  name = "${var.name}-web"

  security_headers_config {
    content_security_policy {
      content_security_policy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; font-src 'self' data:; manifest-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
      override                = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
    strict_transport_security {
      access_control_max_age_sec = 31536000
      include_subdomains         = true
      override                   = true
    }
  }

  custom_headers_config {
    items {
      header   = "Permissions-Policy"
      value    = "camera=(self), microphone=(), geolocation=(), payment=()"
      override = true
    }
    items {
      header   = "Cross-Origin-Opener-Policy"
      value    = "same-origin"
      override = true
    }
  }
}

locals {
  # The paths the host answers itself rather than the web app (WebAppHosting.NonAppPrefixes and the ingest paths).
  api_paths = var.api_origin_domain == null ? [] : ["/api/*", "/openapi/*", "/health/*", "/write"]
}

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  comment             = "TrackStack ${var.name}"
  default_root_object = "index.html"
  price_class         = var.price_class
  aliases             = var.domain_name == null ? [] : [var.domain_name]

  origin {
    origin_id                = "web"
    domain_name              = module.bucket.regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.web.id
  }

  dynamic "origin" {
    for_each = var.api_origin_domain == null ? [] : [var.api_origin_domain]
    content {
      origin_id   = "api"
      domain_name = origin.value
      custom_origin_config {
        http_port                = 80
        https_port               = 443
        origin_protocol_policy   = "https-only"
        origin_ssl_protocols     = ["TLSv1.2"]
        origin_read_timeout      = 30 # API Gateway's own limit for an integration
        origin_keepalive_timeout = 5
      }
    }
  }

  default_cache_behavior {
    target_origin_id           = "web"
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = data.aws_cloudfront_cache_policy.optimized.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.web.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.index.arn
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = local.api_paths
    content {
      path_pattern             = ordered_cache_behavior.value
      target_origin_id         = "api"
      viewer_protocol_policy   = "redirect-to-https"
      allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
      cached_methods           = ["GET", "HEAD"]
      compress                 = true
      cache_policy_id          = data.aws_cloudfront_cache_policy.disabled.id
      origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_but_host.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = var.certificate_arn == null
    acm_certificate_arn            = var.certificate_arn
    ssl_support_method             = var.certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }
}

# What CloudFront, and only this distribution, may do with the bucket (the TLS-only deny comes with private_bucket).
data "aws_iam_policy_document" "web" {
  statement {
    sid       = "CloudFrontReads"
    actions   = ["s3:GetObject"]
    resources = ["${module.bucket.arn}/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }

  # With ListBucket a missing file is a 404 rather than a 403.
  statement {
    sid       = "CloudFrontLists"
    actions   = ["s3:ListBucket"]
    resources = [module.bucket.arn]
    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [aws_cloudfront_distribution.this.arn]
    }
  }
}

# Optionally the built web app itself (`npm run build` in web/ first). The .br/.gz siblings the build writes are left
# out: CloudFront compresses on its own.
locals {
  content_types = {
    html        = "text/html; charset=utf-8"
    js          = "text/javascript; charset=utf-8"
    mjs         = "text/javascript; charset=utf-8"
    css         = "text/css; charset=utf-8"
    json        = "application/json"
    webmanifest = "application/manifest+json"
    svg         = "image/svg+xml"
    png         = "image/png"
    ico         = "image/x-icon"
    jpg         = "image/jpeg"
    webp        = "image/webp"
    woff2       = "font/woff2"
    txt         = "text/plain; charset=utf-8"
    xml         = "application/xml"
  }
  web_files = var.web_dist_dir == null ? [] : [
    for f in fileset(var.web_dist_dir, "**") : f if !endswith(f, ".br") && !endswith(f, ".gz")
  ]
}

resource "aws_s3_object" "web" {
  for_each = toset(local.web_files)

  bucket       = module.bucket.id
  key          = each.value
  source       = "${var.web_dist_dir}/${each.value}"
  source_hash  = filemd5("${var.web_dist_dir}/${each.value}")
  content_type = lookup(local.content_types, reverse(split(".", each.value))[0], "application/octet-stream")
  # Content-hashed assets forever, everything else revalidated (as WebAppHosting does), so a new version shows at once.
  cache_control = startswith(each.value, "_astro/") ? "public, max-age=31536000, immutable" : "no-cache"
}
