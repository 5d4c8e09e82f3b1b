package org.sitrep.analysis.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.events.ActorRolePicker;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;

/**
 * The two learned slots of the event stage as one pair: the event classifier and the actor-role picker
 * trained beside it (the role model reads passages with that event model in the engine, so the two go
 * together). A retrained pair is stored as two files side by side: the event model where asked
 * ({@code event-model.bin}) and its role model next to it ({@code event-model.roles.bin},
 * {@link #rolesBeside}). An event model with no role model beside it (one retrained before role models were
 * retrained too, or pinned by hand) gets the role model the build shipped.
 */
public record LearnedModels(EventClassifier events, ActorRolePicker roles) {
    public LearnedModels {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(roles, "roles");
    }

    /** The pair the build trained from the shipped corpus (the rules alone where this build has none). */
    public static LearnedModels bundled() {
        return new LearnedModels(
                LearnedEventClassifier.bundled().<EventClassifier>map(c -> c).orElse(EventClassifier.NONE),
                bundledRoles());
    }

    /** An event model file and the role model beside it, or the shipped role model when there is none. */
    public static LearnedModels read(Path eventModel) {
        LearnedEventClassifier events = LearnedEventClassifier.read(eventModel);
        Path roles = rolesBeside(eventModel);
        return new LearnedModels(
                events, Files.isRegularFile(roles) ? LearnedActorRolePicker.read(roles) : bundledRoles());
    }

    /** Where the role model trained beside this event model lives: {@code x.bin} → {@code x.roles.bin}. */
    public static Path rolesBeside(Path eventModel) {
        String name = eventModel.getFileName().toString();
        String base = name.endsWith(".bin") ? name.substring(0, name.length() - 4) : name;
        return eventModel.resolveSibling(base + ".roles.bin");
    }

    private static ActorRolePicker bundledRoles() {
        return LearnedActorRolePicker.bundled().<ActorRolePicker>map(r -> r).orElse(ActorRolePicker.NONE);
    }

    /** An engine with this pair in its learned slots. */
    public Analyzer.Builder into(Analyzer.Builder builder) {
        return builder.eventClassifier(events).actorRolePicker(roles);
    }

    /** "ev-…+ar-…", as the engine's version names the pair. */
    public String version() {
        String r = roles.version();
        return r.isEmpty() ? events.version() : events.version() + "+" + r;
    }
}
