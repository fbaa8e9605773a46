package fr.territoire.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Says when each step starts and ends, so that a long run shows where it is.
 */
class StepLoggingListener implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(StepLoggingListener.class);

	@Override
	public void beforeStep(StepExecution stepExecution) {
		logger.info("Step {} started", stepExecution.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		logger.info("Step {} {}", stepExecution.getStepName(), stepExecution.getStatus());
		return stepExecution.getExitStatus();
	}

}
