package dev.storesapi.web;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.stereotype.Component;

/**
 * A scheduled task (the outbox sweep, the session purge) that fails because the database is
 * unreachable counts in the database outage's log instead of logging a stack trace each time it
 * runs (docs/security.md, "What is logged"); any other failure is logged as Spring logs it.
 */
@Component
class ScheduledTaskErrors implements SimpleAsyncTaskSchedulerCustomizer {

    private final DatabaseAvailability database;

    ScheduledTaskErrors(DatabaseAvailability database) {
        this.database = database;
    }

    @Override
    public void customize(SimpleAsyncTaskScheduler scheduler) {
        scheduler.setErrorHandler(failure -> {
            if (database.isUnreachable(failure)) {
                database.failed("a scheduled task", failure);
            } else {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            }
        });
    }
}
