package chat.admin;

import chat.Banned;
import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

@AmpCommand(errors = @AmpError(code = "BANNED", exception = Banned.class, pythonName = "KeyError"))
public interface Kick {
    @Argument String who();
}
