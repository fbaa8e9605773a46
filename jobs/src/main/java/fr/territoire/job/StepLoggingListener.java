package fr.territoire.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says when each step starts and ends, so that a long run shows where it is, and puts the
 * run (job execution id) and the step in the logging context ({@code run}, {@code step}),
 * so that every line logged while the step runs names them.
 */
class StepLoggingListener implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(StepLoggingListener.class);

	@Override
	public void beforeStep(StepExecution stepExecution) {
		MDC.put("run", String.valueOf(stepExecution.getJobExecutionId()));
		MDC.put("step", stepExecution.getStepName());
		logger.info("Step {} started", stepExecution.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		logger.info("Step {} {}", stepExecution.getStepName(), stepExecution.getStatus());
		MDC.remove("step");
		return stepExecution.getExitStatus();
	}

}
