package com.sessiondesk.api;

import java.time.Instant;

/**
 * Body of {@code POST /api/v1/devices/{deviceId}/block}: an optional reason told to the device
 * (its sessions' next 401 and every later refused login), and an optional {@code until} (the block
 * lapses by itself at that instant; absent: until unblocked).
 */
public record DeviceBlockRequest(String reason, Instant until) {
}
