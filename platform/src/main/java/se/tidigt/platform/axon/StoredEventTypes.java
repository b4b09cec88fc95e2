package se.tidigt.platform.axon;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import se.tidigt.cases.api.CaseClosed;
import se.tidigt.cases.api.CaseTransferred;
import se.tidigt.cases.api.CollaborationRecorded;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.cases.api.DecisionApproved;
import se.tidigt.cases.api.DecisionProposed;
import se.tidigt.cases.api.DecisionRejected;
import se.tidigt.cases.api.DelegationChanged;
import se.tidigt.cases.api.FamilyAccepted;
import se.tidigt.cases.api.FamilyDeclined;
import se.tidigt.cases.api.InitialAssessmentCompleted;
import se.tidigt.cases.api.InterventionEnded;
import se.tidigt.cases.api.InterventionOffered;
import se.tidigt.cases.api.InterventionStarted;
import se.tidigt.cases.api.InvestigationConcluded;
import se.tidigt.cases.api.InvestigationExtended;
import se.tidigt.cases.api.InvestigationOpened;
import se.tidigt.cases.api.OpenAccessSupportRecorded;
import se.tidigt.cases.api.PersonalDataErased;
import se.tidigt.cases.api.PlacementEnded;
import se.tidigt.cases.api.PlacementStarted;
import se.tidigt.cases.api.ProtectionNeedAssessed;
import se.tidigt.cases.api.WorkerAssigned;
import se.tidigt.rollout.api.AdoptionPlanned;
import se.tidigt.rollout.api.FundingGranted;
import se.tidigt.rollout.api.RolloutPlanApproved;
import se.tidigt.rollout.api.RolloutPlanCreated;
import se.tidigt.rollout.api.StaffingRecorded;
import se.tidigt.rollout.api.WorkModelAdopted;
import se.tidigt.rollout.api.WorkModelDefined;
import se.tidigt.rollout.api.WorkModelReinstated;
import se.tidigt.rollout.api.WorkModelSuspended;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event serializer, with each event's stored type name fixed here instead of taken from its class's
 * name: a class can move or be renamed, and the events already stored (and chained: the type name is
 * part of each event's hash) still read. The names are the classes' full names as of the first release,
 * so nothing stored changes; a renamed class keeps its name here, and a name of the past can be added
 * to {@link #FORMER} to be read as the class it is now. Anything not named here (metadata, other
 * messages) is named as the delegate names it.
 */
final class StoredEventTypes implements Serializer {
    /** Stored type name → the event class it is read as. Never change a name once events carry it. */
    static final Map<String, Class<?>> NAMES = names(
            "se.tidigt.cases.api.CaseClosed", CaseClosed.class,
            "se.tidigt.cases.api.CaseTransferred", CaseTransferred.class,
            "se.tidigt.cases.api.CollaborationRecorded", CollaborationRecorded.class,
            "se.tidigt.cases.api.ConcernRaised", ConcernRaised.class,
            "se.tidigt.cases.api.FamilyAccepted", FamilyAccepted.class,
            "se.tidigt.cases.api.FamilyDeclined", FamilyDeclined.class,
            "se.tidigt.cases.api.InitialAssessmentCompleted", InitialAssessmentCompleted.class,
            "se.tidigt.cases.api.InterventionEnded", InterventionEnded.class,
            "se.tidigt.cases.api.InterventionOffered", InterventionOffered.class,
            "se.tidigt.cases.api.InterventionStarted", InterventionStarted.class,
            "se.tidigt.cases.api.InvestigationConcluded", InvestigationConcluded.class,
            "se.tidigt.cases.api.InvestigationExtended", InvestigationExtended.class,
            "se.tidigt.cases.api.InvestigationOpened", InvestigationOpened.class,
            "se.tidigt.cases.api.OpenAccessSupportRecorded", OpenAccessSupportRecorded.class,
            "se.tidigt.cases.api.PersonalDataErased", PersonalDataErased.class,
            "se.tidigt.cases.api.PlacementEnded", PlacementEnded.class,
            "se.tidigt.cases.api.PlacementStarted", PlacementStarted.class,
            "se.tidigt.cases.api.ProtectionNeedAssessed", ProtectionNeedAssessed.class,
            "se.tidigt.cases.api.WorkerAssigned", WorkerAssigned.class,
            "se.tidigt.cases.api.DecisionProposed", DecisionProposed.class,
            "se.tidigt.cases.api.DecisionApproved", DecisionApproved.class,
            "se.tidigt.cases.api.DecisionRejected", DecisionRejected.class,
            "se.tidigt.cases.api.DelegationChanged", DelegationChanged.class,
            "se.tidigt.rollout.api.AdoptionPlanned", AdoptionPlanned.class,
            "se.tidigt.rollout.api.FundingGranted", FundingGranted.class,
            "se.tidigt.rollout.api.RolloutPlanApproved", RolloutPlanApproved.class,
            "se.tidigt.rollout.api.RolloutPlanCreated", RolloutPlanCreated.class,
            "se.tidigt.rollout.api.StaffingRecorded", StaffingRecorded.class,
            "se.tidigt.rollout.api.WorkModelAdopted", WorkModelAdopted.class,
            "se.tidigt.rollout.api.WorkModelDefined", WorkModelDefined.class,
            "se.tidigt.rollout.api.WorkModelReinstated", WorkModelReinstated.class,
            "se.tidigt.rollout.api.WorkModelSuspended", WorkModelSuspended.class);

    /** Names events were once stored under, read as the class named now (none yet). */
    static final Map<String, Class<?>> FORMER = Map.of();

    private final Serializer delegate;
    private final Map<Class<?>, String> nameOfClass = new LinkedHashMap<>();

    StoredEventTypes(Serializer delegate) {
        this.delegate = delegate;
        NAMES.forEach((name, type) -> nameOfClass.put(type, name));
    }

    /** The stored type name of an event class, or null when it is not an event named here. */
    static String nameOf(Class<?> type) {
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        String name = object == null ? null : nameOfClass.get(object.getClass());
        if (name == null) {
            return serialized;
        }
        return new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                new SimpleSerializedType(name, serialized.getType().getRevision()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = eventClass(serializedObject.getType().getName());
        if (type == null) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), type.getName(), serializedObject.getType().getRevision()));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> event = eventClass(type.getName());
        return event != null ? event : delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        SerializedType delegated = delegate.typeForClass(type);
        String name = type == null ? null : nameOfClass.get(type);
        return name == null ? delegated : new SimpleSerializedType(name, delegated.getRevision());
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private static Class<?> eventClass(String name) {
        Class<?> now = NAMES.get(name);
        return now != null ? now : FORMER.get(name);
    }

    private static Map<String, Class<?>> names(Object... nameThenClass) {
        Map<String, Class<?>> names = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            names.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
