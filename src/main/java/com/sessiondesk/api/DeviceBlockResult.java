package com.sessiondesk.api;

import java.util.List;

/** The answer of {@code POST /api/v1/devices/{deviceId}/block}: the device, now blocked, and the sessions it ended. */
public record DeviceBlockResult(DeviceBlock device, List<String> endedSessionIds) {
}
