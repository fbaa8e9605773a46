/**
 * The partner network: partners declared once in {@code partners/<id>.yaml}
 * ({@link PartnerSpec}), what their mappings feed ({@link PartnerFeed}), the partner
 * tables of the warehouse written each run ({@link PartnerRegisterTasklet}) and the
 * return file each partner gets after every run ({@link PartnerReturnListener}).
 */
@NullMarked
package fr.territoire.partner;

import org.jspecify.annotations.NullMarked;
