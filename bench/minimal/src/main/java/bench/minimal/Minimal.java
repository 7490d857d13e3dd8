package bench.minimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One entity, one repository, one page: what any application of this stack starts with. */
@SpringBootApplication
@EnableJpaRepositories(considerNestedRepositories = true)
public class Minimal {

    public static void main(String[] args) {
        SpringApplication.run(Minimal.class, args);
    }

    @Entity
    @Table(name = "item")
    public static class Item {
        @Id
        Long id;

        String name;

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }
    }

    public interface Items extends JpaRepository<Item, Long> {}

    @Controller
    static class Page {
        private final Items items;

        Page(Items items) {
            this.items = items;
        }

        @GetMapping("/")
        String list(Model model) {
            List<Item> all = items.findAll();
            model.addAttribute("items", all);
            return "list";
        }
    }
}
