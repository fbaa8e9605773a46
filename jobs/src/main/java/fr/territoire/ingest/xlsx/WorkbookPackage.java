package fr.territoire.ingest.xlsx;

import fr.territoire.ingest.xlsx.XlsxReadException.Code;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens an .xlsx file as a read-only OPC package after checking what the file really is,
 * and turns POI's failures into {@link XlsxReadException}s that name the file.
 */
final class WorkbookPackage {

	/**
	 * POI's {@code ZipSecureFile} reports both of its limits (inflate ratio, entry size)
	 * with this text.
	 */
	private static final String POI_ZIP_BOMB_MESSAGE = "Zip bomb detected";

	private static final int MAGIC_LENGTH = 64;

	private WorkbookPackage() {
	}

	/** Opens the file read-only; the caller closes the package. */
	static OPCPackage open(Path file, String sheet) throws XlsxReadException {
		FileMagic magic = magicOf(file, sheet);
		if (magic == FileMagic.OLE2) {
			throw isEncrypted(file)
					? new XlsxReadException(Code.ENCRYPTED, file, sheet,
							"the workbook is password-protected (encrypted); save it again without a password", null)
					: new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet,
							"this is a legacy binary Office file (.xls, OLE2), not an .xlsx workbook", null);
		}
		if (magic != FileMagic.OOXML) {
			throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet, "not an .xlsx workbook (not a zip archive"
					+ (magic == FileMagic.UNKNOWN ? "" : "; the content looks like " + magic) + ")", null);
		}
		OPCPackage opened = null;
		try {
			opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
			requireSpreadsheet(opened, file, sheet);
			return opened;
		}
		catch (XlsxReadException failure) {
			opened.revert();
			throw failure;
		}
		catch (Exception failure) {
			if (opened != null) {
				opened.revert();
			}
			else if (isZipWithoutContentTypes(file)) {
				throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet,
						"a zip archive but not an .xlsx workbook (it has no [Content_Types].xml)", failure);
			}
			throw failure(file, sheet, failure);
		}
	}

	/** Maps a failure met while opening or parsing the package to the matching code. */
	static XlsxReadException failure(Path file, String sheet, Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && message.contains(POI_ZIP_BOMB_MESSAGE)) {
				return new XlsxReadException(
						Code.ZIP_BOMB, file, sheet, "refused as a possible zip bomb: "
								+ "a part inflates far beyond its compressed size (" + firstLine(message) + ")",
						failure);
			}
			if (cause instanceof NotOfficeXmlFileException) {
				return new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet,
						"a zip archive but not an .xlsx workbook (" + firstLine(message) + ")", failure);
			}
		}
		return new XlsxReadException(Code.CORRUPT, file, sheet,
				"the workbook is truncated or damaged (" + firstLine(describe(failure)) + ")", failure);
	}

	private static FileMagic magicOf(Path file, String sheet) throws XlsxReadException {
		if (!Files.isRegularFile(file)) {
			throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet,
					"the file does not exist or is not a regular file", null);
		}
		byte[] start;
		try (InputStream input = Files.newInputStream(file)) {
			start = input.readNBytes(MAGIC_LENGTH);
		}
		catch (IOException failure) {
			throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet,
					"the file cannot be read (" + describe(failure) + ")", failure);
		}
		if (start.length == 0) {
			throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet, "the file is empty", null);
		}
		return FileMagic.valueOf(start);
	}

	/**
	 * Excel stores a password-protected workbook as an OLE2 container holding an
	 * "EncryptedPackage".
	 */
	private static boolean isEncrypted(Path file) {
		try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
			return container.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
		}
		catch (IOException | RuntimeException unreadable) {
			return false;
		}
	}

	private static boolean isZipWithoutContentTypes(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.stream().noneMatch(entry -> entry.getName().equalsIgnoreCase("[Content_Types].xml"));
		}
		catch (IOException | RuntimeException unreadable) {
			return false;
		}
	}

	private static void requireSpreadsheet(OPCPackage opened, Path file, String sheet) throws Exception {
		PackageRelationship document = opened.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
			.getRelationship(0);
		PackagePart part = document == null ? null : opened.getPart(document);
		String contentType = part == null ? "" : part.getContentType();
		if (!contentType.contains("spreadsheetml") && !contentType.contains("ms-excel")) {
			throw new XlsxReadException(Code.NOT_A_WORKBOOK, file, sheet, "an Office Open XML package but not "
					+ "an .xlsx workbook (main part: " + (part == null ? "none" : contentType) + ")", null);
		}
	}

	private static String describe(Throwable failure) {
		Throwable deepest = failure;
		while (deepest.getCause() != null && deepest.getCause() != deepest) {
			deepest = deepest.getCause();
		}
		String message = deepest.getMessage();
		return deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "no detail";
		}
		int end = message.indexOf('\n');
		return (end < 0 ? message : message.substring(0, end)).strip();
	}

}
