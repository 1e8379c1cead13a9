package app.immichexport.export.job;

import java.util.concurrent.ExecutorService;

/**
 * @param workers     copy files, {@code parallelism} at a time across all jobs
 * @param background  never waits on the workers: records items while they copy
 */
record JobPools(ExecutorService workers, int parallelism, ExecutorService background) {}
