package fr.territoire.serve;

import java.util.List;

/**
 * A folder's listing page: what {@code listing.html} shows.
 *
 * @param title the folder, as requested (for example {@code /releases/})
 * @param entries the files and sub-folders, hidden ones left out
 */
record Listing(String title, List<Entry> entries) {

	Listing {
		entries = List.copyOf(entries);
	}

	/**
	 * One line of a listing.
	 *
	 * @param name the name shown (folders end with a slash)
	 * @param href the link, relative and percent-encoded
	 * @param size the size in bytes, empty for a folder
	 * @param modified the modification time (UTC), or what the entry points at
	 */
	record Entry(String name, String href, String size, String modified) {
	}

}
