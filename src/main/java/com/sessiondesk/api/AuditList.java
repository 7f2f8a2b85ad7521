package com.sessiondesk.api;

import java.util.List;

public record AuditList(List<AuditEvent> events) {
}
