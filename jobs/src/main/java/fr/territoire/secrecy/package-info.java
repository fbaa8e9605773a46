/**
 * Statistical secrecy inside the nightly (loi 51-711, art. 6): the protected tables read
 * from the indicator YAMLs and the contributions models ({@link ProtectedTable}), their
 * settings ({@link SecrecySettings}, {@code warehouse/secrecy.yaml}), primary suppression
 * in SQL ({@code warehouse/models/secrecy/}) and secondary suppression over the linked
 * hierarchies ({@link SecondarySuppression}). The independent audit of the result lives
 * in {@code fr.territoire.disclosure} and shares no code with this package.
 */
@NullMarked
package fr.territoire.secrecy;

import org.jspecify.annotations.NullMarked;
