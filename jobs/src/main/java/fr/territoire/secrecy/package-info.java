/**
 * Statistical secrecy: primary and secondary suppression of protected tables.
 */
@NullMarked
package fr.territoire.secrecy;

import org.jspecify.annotations.NullMarked;
