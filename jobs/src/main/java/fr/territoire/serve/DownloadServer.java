package fr.territoire.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import fr.territoire.error.ErrorCode;
import fr.territoire.error.TerritoireException;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.modeler.Registry;

/**
 * Tomcat, embedded, running {@link PublishServlet} alone: no Spring web context, no JSP,
 * no session, no default servlet. {@link #close()} is graceful: it stops accepting
 * connections, lets the requests under way finish (up to {@link #GRACE_MILLIS}), then
 * stops.
 */
public final class DownloadServer implements AutoCloseable {

	/** How long a graceful stop waits for the requests under way. */
	static final long GRACE_MILLIS = 30_000;

	/** Kept so that the level set on Tomcat's loggers is not lost with them. */
	private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");

	private final Tomcat tomcat;

	private final Connector connector;

	private final PublishServlet servlet;

	private final Path baseFolder;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private int port = -1;

	private DownloadServer(Tomcat tomcat, Connector connector, PublishServlet servlet, Path baseFolder) {
		this.tomcat = tomcat;
		this.connector = connector;
		this.servlet = servlet;
		this.baseFolder = baseFolder;
	}

	/**
	 * Starts serving; fails with {@code BAD_USAGE} when the address or port cannot be
	 * used.
	 */
	public static DownloadServer start(ServeSettings settings) throws IOException {
		TOMCAT_LOGGER.setLevel(Level.WARNING);
		Registry.disableRegistry();
		Path baseFolder = Files.createTempDirectory("territoire-serve");
		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(baseFolder.toString());
		tomcat.setSilent(true);
		Connector connector = new Connector("HTTP/1.1");
		connector.setPort(settings.port());
		connector.setProperty("address", settings.bind());
		connector.setThrowOnFailure(true);
		// bound on start, not on init: what lets a graceful stop close the listening
		// socket first
		connector.setProperty("bindOnInit", "false");
		connector.setXpoweredBy(false);
		tomcat.setConnector(connector);
		tomcat.getHost().setAutoDeploy(false);
		ErrorReportValve errors = new ErrorReportValve();
		errors.setShowReport(false);
		errors.setShowServerInfo(false);
		tomcat.getHost().getPipeline().addValve(errors);
		Context context = tomcat.addContext("", null);
		PublishServlet servlet = new PublishServlet(new PublishFolder(settings.publish()));
		Tomcat.addServlet(context, "publish", servlet);
		context.addServletMappingDecoded("/", "publish");
		DownloadServer server = new DownloadServer(tomcat, connector, servlet, baseFolder);
		try {
			tomcat.start();
			server.port = connector.getLocalPort();
		}
		catch (LifecycleException | RuntimeException ex) {
			server.stop();
			throw new TerritoireException(ErrorCode.BAD_USAGE, null, "cannot listen on " + settings.bind() + ":"
					+ settings.port() + " (" + rootMessage(ex) + "); choose another --port or --bind", ex);
		}
		return server;
	}

	/** The port listened on (the one chosen when 0 was asked). */
	public int port() {
		return this.port;
	}

	/** Blocks until the server is closed. */
	public void awaitClose() throws InterruptedException {
		this.stopped.await();
	}

	@Override
	public void close() {
		if (this.stopped.getCount() == 0) {
			return;
		}
		try {
			this.connector.getProtocolHandler().closeServerSocketGraceful();
			long deadline = System.currentTimeMillis() + GRACE_MILLIS;
			while (this.servlet.active() > 0 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			stop();
		}
	}

	private void stop() {
		try {
			this.tomcat.stop();
			this.tomcat.destroy();
		}
		catch (LifecycleException ex) {
			// stopping anyway
		}
		finally {
			deleteQuietly(this.baseFolder);
			this.stopped.countDown();
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary folder left behind
		}
	}

}
