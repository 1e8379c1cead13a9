#!/bin/bash
# The image's health check, with what the image holds (no curl): bash's own TCP connection.
# Healthy when /health/ready answers 200: database, Immich answering, every export root writable.
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS=' ' read -r _ status _ <&3
[ "$status" = 200 ]
