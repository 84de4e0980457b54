package dev.storesapi.web;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * A scheduled task (the outbox sweep, the session purge) that fails because the database is
 * unreachable counts in the database outage's log instead of logging a stack trace each time it
 * runs (docs/security.md, "What is logged"); any other failure is logged as Spring logs it. For
 * Spring Boot's scheduler on virtual threads (this service's setting) and on platform threads.
 */
@Component
class ScheduledTaskErrors implements SimpleAsyncTaskSchedulerCustomizer, ThreadPoolTaskSchedulerCustomizer {

    private final ErrorHandler handler;

    ScheduledTaskErrors(DatabaseAvailability database) {
        this.handler = failure -> {
            if (database.isUnreachable(failure)) {
                database.failed("a scheduled task", failure);
            } else {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            }
        };
    }

    @Override
    public void customize(SimpleAsyncTaskScheduler scheduler) {
        scheduler.setErrorHandler(handler);
    }

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(handler);
    }
}
