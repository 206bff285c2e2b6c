package org.disentangle4j.io;

/**
 * Bad input from the user (a missing file, a wrong shape, an unknown name): its message is one
 * line that names the file or option and says what was expected. The command line prints the
 * message alone and exits with code 2.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
