package app.immichexport.immich;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An endpoint Immich offers only from this version on: the client asks the server's version first. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Since {
    int major();

    int minor();
}
