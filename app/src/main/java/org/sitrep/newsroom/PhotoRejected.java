package org.sitrep.newsroom;

/** An upload the photo library refuses, with a message the editor can act on. */
public class PhotoRejected extends RuntimeException {
    public PhotoRejected(String message) {
        super(message);
    }
}
