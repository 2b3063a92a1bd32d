/** The jobs queue the webinar tasks run on (src/jobs/webinarTasks.ts). */
export const WEBINAR_QUEUE = 'webinars'
