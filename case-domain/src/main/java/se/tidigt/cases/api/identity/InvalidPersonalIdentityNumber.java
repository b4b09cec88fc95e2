package se.tidigt.cases.api.identity;

/** A personal identity number that is malformed or fails its checksum. The message never repeats the number. */
public class InvalidPersonalIdentityNumber extends IllegalArgumentException {
    public InvalidPersonalIdentityNumber(String message) {
        super(message);
    }
}
