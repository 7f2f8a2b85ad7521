package com.sessiondesk.api;

import java.util.List;

/** The answer of {@code GET /api/v1/devices}: the blocked devices, newest block first. */
public record DeviceList(List<DeviceBlock> devices) {
}
