package se.tidigt.platform.axon;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import se.tidigt.cases.api.CaseEvent;
import se.tidigt.cases.api.ConcernRaised;
import se.tidigt.rollout.api.DistrictRolloutEvent;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event of the domains has a revision and a stored type name of its own, which reads back as its class. */
class StoredEventTypesTest {

    @Test
    void every_case_and_district_rollout_event_is_named_and_every_named_event_has_a_revision() {
        List<JavaClass> events = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("se.tidigt.cases.api", "se.tidigt.rollout.api").stream()
                .filter(c -> c.isAssignableTo(CaseEvent.class) || c.isAssignableTo(DistrictRolloutEvent.class))
                .filter(c -> !c.isInterface()).toList();
        assertThat(events).hasSizeGreaterThan(20);
        events.forEach(e -> assertThat(StoredEventTypes.NAMES.values()).as(e.getName()).contains(e.reflect()));
        StoredEventTypes.NAMES.values().forEach(type ->
                assertThat(type.getAnnotation(Revision.class)).as(type.getName() + " has a @Revision").isNotNull());
        assertThat(new HashSet<>(StoredEventTypes.NAMES.values())).hasSameSizeAs(StoredEventTypes.NAMES.values());
    }

    @Test
    void an_event_is_stored_under_its_fixed_name_and_read_back_from_it_whatever_its_class_is_called() {
        StoredEventTypes serializer = new StoredEventTypes(JacksonSerializer.defaultSerializer());
        String name = StoredEventTypes.nameOf(ConcernRaised.class);

        SerializedType type = serializer.typeForClass(ConcernRaised.class);
        assertThat(type.getName()).isEqualTo(name);
        assertThat(type.getRevision()).isEqualTo("1");
        assertThat(serializer.classForType(new SimpleSerializedType(name, null))).isEqualTo(ConcernRaised.class);
        assertThat(serializer.classForType(new SimpleSerializedType(name, "1"))).isEqualTo(ConcernRaised.class);
    }
}
