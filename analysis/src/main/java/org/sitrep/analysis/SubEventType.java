package org.sitrep.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ACLED's 25 sub-event types, each under its {@link EventType}, spelled as ACLED's codebook spells them,
 * in the codebook's order; then the kinds of text that are no event ({@link EventType#NONE}), which the
 * training corpus labels so the learned classifier knows what a false alarm looks like.
 */
public enum SubEventType {
    ARMED_CLASH(EventType.BATTLES, "Armed clash"),
    GOVERNMENT_REGAINS_TERRITORY(EventType.BATTLES, "Government regains territory"),
    NON_STATE_ACTOR_OVERTAKES_TERRITORY(EventType.BATTLES, "Non-state actor overtakes territory"),
    CHEMICAL_WEAPON(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Chemical weapon"),
    AIR_DRONE_STRIKE(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Air/drone strike"),
    SUICIDE_BOMB(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Suicide bomb"),
    SHELLING_ARTILLERY_MISSILE_ATTACK(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Shelling/artillery/missile attack"),
    REMOTE_EXPLOSIVE_LANDMINE_IED(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Remote explosive/landmine/IED"),
    GRENADE(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Grenade"),
    SEXUAL_VIOLENCE(EventType.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
    ATTACK(EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack"),
    ABDUCTION_FORCED_DISAPPEARANCE(EventType.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
    PEACEFUL_PROTEST(EventType.PROTESTS, "Peaceful protest"),
    PROTEST_WITH_INTERVENTION(EventType.PROTESTS, "Protest with intervention"),
    EXCESSIVE_FORCE_AGAINST_PROTESTERS(EventType.PROTESTS, "Excessive force against protesters"),
    VIOLENT_DEMONSTRATION(EventType.RIOTS, "Violent demonstration"),
    MOB_VIOLENCE(EventType.RIOTS, "Mob violence"),
    AGREEMENT(EventType.STRATEGIC_DEVELOPMENTS, "Agreement"),
    ARRESTS(EventType.STRATEGIC_DEVELOPMENTS, "Arrests"),
    CHANGE_TO_GROUP_ACTIVITY(EventType.STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
    DISRUPTED_WEAPONS_USE(EventType.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
    HEADQUARTERS_OR_BASE_ESTABLISHED(EventType.STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
    LOOTING_PROPERTY_DESTRUCTION(EventType.STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
    NON_VIOLENT_TRANSFER_OF_TERRITORY(EventType.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
    OTHER(EventType.STRATEGIC_DEVELOPMENTS, "Other"),

    NATURAL_DISASTER(EventType.NONE, "Natural disaster"),
    ACCIDENT(EventType.NONE, "Accident"),
    DIPLOMACY(EventType.NONE, "Diplomacy"),
    CRIME(EventType.NONE, "Crime"),
    /** A threat, a demand, a denial or a claim of what will or may happen: words, no act. */
    CLAIM(EventType.NONE, "Claim"),
    /** The war as the reader knows it, a history, a toll over months: no action of its own. */
    BACKGROUND(EventType.NONE, "Background"),
    HEADLINE_OR_CAPTION(EventType.NONE, "Headline or caption");

    private final EventType type;
    private final String label;

    SubEventType(EventType type, String label) {
        this.type = type;
        this.label = label;
    }

    public EventType type() {
        return type;
    }

    /** ACLED's spelling ("Air/drone strike"). */
    public String label() {
        return label;
    }

    public boolean isEvent() {
        return type.isEvent();
    }

    /** The sub-type with this exact spelling, under any type. Sub-type names are unique across types. */
    public static Optional<SubEventType> of(String label) {
        for (SubEventType s : values()) if (s.label.equals(label)) return Optional.of(s);
        return Optional.empty();
    }

    /** The sub-type when {@code subType} is spelled exactly and belongs to {@code type}. */
    public static Optional<SubEventType> of(String type, String subType) {
        return of(subType).filter(s -> s.type.label().equals(type));
    }

    /** The sub-types of one type, in the codebook's order. */
    public static List<SubEventType> of(EventType type) {
        List<SubEventType> out = new ArrayList<>();
        for (SubEventType s : values()) if (s.type == type) out.add(s);
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return label;
    }
}
