package com.sessiondesk.api;

import java.util.List;

public record UserList(List<User> users) {
}
