package com.sessiondesk.client;

import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.common.ViewContext;
import java.util.ArrayList;
import java.util.List;

/** A ViewContext for view-model tests: inline runner, fake dialogs, recorded notifications. */
public final class TestContexts {

    public final FakeDialogs dialogs = new FakeDialogs();
    public final List<String> notifications = new ArrayList<>();
    public final List<String> signInLost = new ArrayList<>();
    public final ViewContext context = new ViewContext(TaskRunner.inline(), dialogs, notifications::add, signInLost::add);
}
