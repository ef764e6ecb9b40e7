package org.partygraph.seed;

import java.time.LocalDate;

import org.partygraph.model.Gender;

/**
 * The personal data of one synthetic member, before it is given a membership.
 *
 * @param name full name
 * @param gender M or F
 * @param birthDate date of birth, also embedded in {@code idNumber}
 * @param idNumber an 18-character resident identity number of 懷仁縣 (area code 140624)
 * @param phone an 11-digit mobile number
 */
record Person(String name, Gender gender, LocalDate birthDate, String idNumber, String phone) {

}
